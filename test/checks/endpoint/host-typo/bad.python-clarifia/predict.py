import os
import requests

URL = "https://api.clarifia.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs"
resp = requests.post(URL, headers={"Authorization": f"Key {os.environ['CLARIFAI_PAT']}"}, json={"inputs": []})
