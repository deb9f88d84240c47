import os

os.environ["CLARIFAI_GRPC_BASE"] = "api.clarifai.com"
