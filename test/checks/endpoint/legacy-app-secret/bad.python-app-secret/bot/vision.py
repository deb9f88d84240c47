"""Clarifai api manager."""
import os

from clarifai.rest import ClarifaiApp

app = ClarifaiApp(app_id=os.environ["CLARIFAI_APP_ID"], app_secret=os.environ["CLARIFAI_APP_SECRET"])


def describe(url):
    model = app.models.get("general-v1.3")
    return model.predict_by_url(url=url)
