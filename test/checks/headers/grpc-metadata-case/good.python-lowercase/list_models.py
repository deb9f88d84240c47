import os

from clarifai_grpc.channel.clarifai_channel import ClarifaiChannel
from clarifai_grpc.grpc.api import resources_pb2, service_pb2, service_pb2_grpc

PAT = os.environ["CLARIFAI_PAT"]
stub = service_pb2_grpc.V2Stub(ClarifaiChannel.get_grpc_channel())
metadata = (("authorization", f"Key {PAT}"),)
response = stub.ListModels(
    service_pb2.ListModelsRequest(user_app_id=resources_pb2.UserAppIDSet(user_id="me", app_id="my-app")),
    metadata=metadata,
)
