import os

from clarifai_grpc.grpc.api import resources_pb2, service_pb2

# Our own model, trained in our own app.
USER_ID = os.environ["CLARIFAI_USER_ID"]
APP_ID = os.environ["CLARIFAI_APP_ID"]
MODEL_ID = "dog-breeds"

request = service_pb2.PostModelOutputsRequest(
    user_app_id=resources_pb2.UserAppIDSet(user_id=USER_ID, app_id=APP_ID),
    model_id=MODEL_ID,
)
