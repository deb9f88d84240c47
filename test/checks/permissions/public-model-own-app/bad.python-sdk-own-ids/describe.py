import os

from clarifai.client.model import Model

model = Model(
    user_id=os.environ["CLARIFAI_USER_ID"],
    app_id="my-first-app",
    model_id="general-image-recognition",
)


def describe(url: str):
    prediction = model.predict_by_url(url, input_type="image")
    return [c.name for c in prediction.outputs[0].data.concepts]
