import os
import sys

PAT = ''
if len(sys.argv) > 1:
    PAT = sys.argv[1]
metadata = (('authorization', 'Key ' + PAT),)
