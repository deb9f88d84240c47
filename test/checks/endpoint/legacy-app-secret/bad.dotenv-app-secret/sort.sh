#!/bin/sh
# Sorts photos into folders by their top concept.
for f in photos/*.jpg; do
  python3 tag.py "$f"
done
