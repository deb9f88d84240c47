import os

import streamlit as st
from clarifai.client.model import Model

MODEL_URL = "https://clarifai.com/clarifai/main/models/general-image-recognition"

st.title("What's in the picture?")
url = st.text_input("Image URL")
if url:
    model = Model(url=MODEL_URL, pat=os.getenv("CLARIFAI_API_KEY"))
    result = model.predict_by_url(url, input_type="image")
    st.write([c.name for c in result.outputs[0].data.concepts])
