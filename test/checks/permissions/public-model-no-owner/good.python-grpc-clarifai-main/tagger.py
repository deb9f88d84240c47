"""Tags product photos with Clarifai's general model."""
import os

from clarifai_grpc.channel.clarifai_channel import ClarifaiChannel
from clarifai_grpc.grpc.api import resources_pb2, service_pb2, service_pb2_grpc
from clarifai_grpc.grpc.api.status import status_code_pb2

PAT = os.environ["CLARIFAI_PAT"]
USER_ID = "clarifai"
APP_ID = "main"
MODEL_ID = "general-image-recognition"
MODEL_VERSION_ID = "aa7f35c01e0642fda5cf400f543e7c40"

channel = ClarifaiChannel.get_grpc_channel()
stub = service_pb2_grpc.V2Stub(channel)
user_app = resources_pb2.UserAppIDSet(user_id=USER_ID, app_id=APP_ID)
metadata = (("authorization", "Key " + PAT),)


def tags_for(image_url: str) -> list[str]:
    response = stub.PostModelOutputs(
        service_pb2.PostModelOutputsRequest(
            user_app_id=user_app,
            model_id=MODEL_ID,
            version_id=MODEL_VERSION_ID,
            inputs=[resources_pb2.Input(data=resources_pb2.Data(image=resources_pb2.Image(url=image_url)))],
        ),
        metadata=metadata,
    )
    if response.status.code != status_code_pb2.SUCCESS:
        raise RuntimeError(response.status.description)
    return [c.name for c in response.outputs[0].data.concepts]
