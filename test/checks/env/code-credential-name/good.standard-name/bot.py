import os
from clarifai.client.model import Model

model = Model("https://clarifai.com/clarifai/main/models/moderation-recognition", pat=os.getenv("CLARIFAI_PAT"))
