import os
import sys

from clarifai.client.model import Model

model = Model("https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["CLARIFAI_PAT"])
for url in sys.argv[1:]:
    print(url, [c.name for c in model.predict_by_url(url, input_type="image").outputs[0].data.concepts])
