from unittest import mock

from clarifai.client.model import Model


@mock.patch("clarifai.client.model.Model.predict_by_url")
def test_predict(predict):
    model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat="test")
    model.predict_by_url("https://samples.clarifai.com/metro-north.jpg", input_type="image")
    predict.assert_called_once()
