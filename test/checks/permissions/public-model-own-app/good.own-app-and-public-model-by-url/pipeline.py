import os

from clarifai.client.app import App
from clarifai.client.model import Model

PAT = os.environ["CLARIFAI_PAT"]
app = App(user_id=os.environ["CLARIFAI_USER_ID"], app_id=os.environ["CLARIFAI_APP_ID"], pat=PAT)
general = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=PAT)


def upload_and_tag(url):
    app.inputs().upload_from_url(input_id="photo", image_url=url)
    return general.predict_by_url(url, input_type="image")
