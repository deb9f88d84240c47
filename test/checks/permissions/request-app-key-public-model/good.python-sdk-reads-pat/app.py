import streamlit as st
from clarifai.client.model import Model

MODEL_URL = "https://clarifai.com/clarifai/main/models/general-image-recognition"

st.title("What's in the picture?")
url = st.text_input("Image URL")
if url:
    # The SDK reads CLARIFAI_PAT from the environment itself.
    model = Model(url=MODEL_URL)
    result = model.predict_by_url(url, input_type="image")
    st.write([c.name for c in result.outputs[0].data.concepts])
