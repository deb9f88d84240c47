# Replace YOUR_PAT_HERE with a Personal Access Token from https://clarifai.com/me/settings/secrets, then run this file.
from clarifai.client.model import Model

PAT = "YOUR_PAT_HERE"
model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=PAT)
print(model.predict_by_url("https://samples.clarifai.com/metro-north.jpg", input_type="image"))
