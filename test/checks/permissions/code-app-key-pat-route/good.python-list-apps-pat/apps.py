import os
import requests

r = requests.get(
    "https://api.clarifai.com/v2/users/me/apps",
    headers={"Authorization": f"Key {os.environ['CLARIFAI_PAT']}"},
)
