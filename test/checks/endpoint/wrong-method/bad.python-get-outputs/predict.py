import os
import requests

URL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs"
resp = requests.get(URL, headers={"Authorization": f"Key {os.environ['CLARIFAI_PAT']}"})
