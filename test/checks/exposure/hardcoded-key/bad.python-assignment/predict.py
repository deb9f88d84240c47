from clarifai.client.model import Model

CLARIFAI_PAT = "3f9a6d0c8b7e4a2190f1c3d5e7b90000"
model = Model("https://clarifai.com/clarifai/main/models/general-image-recognition", pat=CLARIFAI_PAT)
