import os

os.environ["CLARIFAI_GRPC_BASE"] = "https://api.clarifai.com"
from clarifai_grpc.channel.clarifai_channel import ClarifaiChannel

channel = ClarifaiChannel.get_grpc_channel()
