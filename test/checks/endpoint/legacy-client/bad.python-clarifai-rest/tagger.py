import os

from clarifai.rest import ClarifaiApp
from flask import Flask, jsonify, request

app = Flask(__name__)
clarifai_app = ClarifaiApp(api_key=os.environ["CLARIFAI_API_KEY"])
model = clarifai_app.public_models.general_model


@app.route("/tags")
def tags():
    response = model.predict_by_url(url=request.args["url"])
    concepts = response["outputs"][0]["data"]["concepts"]
    return jsonify([c["name"] for c in concepts])
