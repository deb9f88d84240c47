import os
from clarifai.client.model import Model

model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["PUBLIC_CLARIFAI_PAT"])
