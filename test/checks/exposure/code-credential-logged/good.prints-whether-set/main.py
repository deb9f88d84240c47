import os
from clarifai.client.model import Model

pat = os.environ.get("CLARIFAI_PAT", "")
if pat:
    print(f"CLARIFAI_PAT is set ({pat[:4]}..., {len(pat)} chars)")
else:
    print("CLARIFAI_PAT not set")
print("PAT set:", bool(pat))
model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=pat)
print(model)
