from clarifai.client.model import Model

print(Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition").predict_by_url("https://samples.clarifai.com/metro-north.jpg", input_type="image"))
