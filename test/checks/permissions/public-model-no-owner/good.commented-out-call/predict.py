"""Predicts with the general model.

Old way (do not use):
    stub.PostModelOutputs(service_pb2.PostModelOutputsRequest(model_id='general-image-recognition'), metadata=metadata)
"""
import os
from clarifai_grpc.grpc.api import resources_pb2, service_pb2, service_pb2_grpc
from clarifai_grpc.channel.clarifai_channel import ClarifaiChannel

stub = service_pb2_grpc.V2Stub(ClarifaiChannel.get_grpc_channel())
metadata = (("authorization", "Key " + os.environ["CLARIFAI_PAT"]),)
# stub.PostModelOutputs(service_pb2.PostModelOutputsRequest(model_id="general-image-recognition"), metadata=metadata)


def predict(url):
    return stub.PostModelOutputs(
        service_pb2.PostModelOutputsRequest(
            user_app_id=resources_pb2.UserAppIDSet(user_id="clarifai", app_id="main"),
            model_id="general-image-recognition",
            inputs=[resources_pb2.Input(data=resources_pb2.Data(image=resources_pb2.Image(url=url)))],
        ),
        metadata=metadata,
    )
