import os
from clarifai.client.model import Model

model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["CLARIFAI_API_KEY"])
