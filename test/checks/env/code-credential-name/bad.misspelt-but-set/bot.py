import os
from clarifai.client.model import Model

key = os.getenv("CLARIFI_KEY")
model = Model("https://clarifai.com/clarifai/main/models/moderation-recognition", pat=key)
