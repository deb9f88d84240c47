from clarifai.rest import ClarifaiApp
from clarifai.rest import Image as ClImage


def tag(path: str) -> list[str]:
    app = ClarifaiApp()
    model = app.models.get("general-v1.3")
    response = model.predict([ClImage(file_obj=open(path, "rb"))])
    return [c["name"] for c in response["outputs"][0]["data"]["concepts"]]
