import os

from clarifai.client.model import Model

model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["CLARIFAI_PAT"])
print(model.predict_by_url("https://samples.clarifai.com/metro-north.jpg", input_type="image").outputs[0].data.concepts[:3])
