import os

from clarifai.client.model import Model

# PAT = "5b4c3d2e1f0a9b8c7d6e5f4a3b2c0000"  (old key, rotated? keep until the migration is done)
model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["CLARIFAI_PAT"])
