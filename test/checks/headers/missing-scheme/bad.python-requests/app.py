import os
import requests

headers = {"Authorization": os.environ["CLARIFAI_PAT"], "Content-Type": "application/json"}
r = requests.get("https://api.clarifai.com/v2/users/me", headers=headers)
print(r.status_code)
