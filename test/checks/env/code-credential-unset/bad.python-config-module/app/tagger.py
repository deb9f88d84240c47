from clarifai.client.model import Model

from app import settings


def tags(url):
    model = Model(
        url="https://clarifai.com/clarifai/main/models/general-image-recognition",
        pat=settings.VISION_TOKEN,
    )
    return model.predict_by_url(url, input_type="image")
