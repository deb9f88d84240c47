import os

from clarifai_grpc.channel.clarifai_channel import ClarifaiChannel
from clarifai_grpc.grpc.api import resources_pb2, service_pb2, service_pb2_grpc
from clarifai_grpc.grpc.api.status import status_code_pb2

PAT = os.getenv("CLARIFAI_PAT")

channel = ClarifaiChannel.get_grpc_channel()
stub = service_pb2_grpc.V2Stub(channel)
metadata = (("authorization", "key " + PAT),)

request = service_pb2.PostModelOutputsRequest(
    user_app_id=resources_pb2.UserAppIDSet(user_id="clarifai", app_id="main"),
    model_id="general-image-recognition",
    inputs=[resources_pb2.Input(data=resources_pb2.Data(image=resources_pb2.Image(url="https://samples.clarifai.com/dog2.jpeg")))],
)
response = stub.PostModelOutputs(request, metadata=metadata)
if response.status.code != status_code_pb2.SUCCESS:
    raise SystemExit(response.status.description)
