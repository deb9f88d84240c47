import os

from clarifai_grpc.channel.clarifai_channel import ClarifaiChannel
from clarifai_grpc.grpc.api import resources_pb2, service_pb2, service_pb2_grpc

stub = service_pb2_grpc.V2Stub(ClarifaiChannel.get_grpc_channel())
metadata = (("authorization", "Key " + os.environ["CLARIFAI_PAT"]),)


def tags(url):
    request = service_pb2.PostModelOutputsRequest(
        user_app_id=resources_pb2.UserAppIDSet(user_id="clarifai", app_id="main"),
        model_id="general-v1.3",
        inputs=[resources_pb2.Input(data=resources_pb2.Data(image=resources_pb2.Image(url=url)))],
    )
    return stub.PostModelOutputs(request, metadata=metadata)
