import os
from clarifai.client.model import Model

PAT = os.getenv("CLARIFAI_PAT")
print(f"Using PAT {PAT}")

model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=PAT)
