from clarifai_grpc.channel.clarifai_channel import ClarifaiChannel
from clarifai_grpc.grpc.api import resources_pb2, service_pb2, service_pb2_grpc


class FoodTagger:
    def __init__(self, api_key):
        self.api_key = api_key
        self.stub = service_pb2_grpc.V2Stub(ClarifaiChannel.get_grpc_channel())

    def tag(self, url):
        request = service_pb2.PostModelOutputsRequest(
            user_app_id=resources_pb2.UserAppIDSet(user_id="clarifai", app_id="main"),
            model_id="food-item-recognition",
            inputs=[resources_pb2.Input(data=resources_pb2.Data(image=resources_pb2.Image(url=url)))],
        )
        return self.stub.PostModelOutputs(request, metadata=(("authorization", f"Key {self.api_key}"),))
