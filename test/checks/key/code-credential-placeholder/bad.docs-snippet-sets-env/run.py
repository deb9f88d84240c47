import os
from clarifai.client import Model

# Set your Personal Access Token (PAT)
os.environ["CLARIFAI_PAT"] = "YOUR_PAT_HERE"

model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition")
print(model.predict_by_url("https://samples.clarifai.com/metro-north.jpg", input_type="image"))
