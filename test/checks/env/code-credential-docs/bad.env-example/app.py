import streamlit as st
from clarifai.client.model import Model

st.title("What's in the picture?")
url = st.text_input("Image URL")
if url:
    model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition")
    st.write(model.predict_by_url(url, input_type="image").outputs[0].data.concepts)
