import React, { Component } from 'react';
import Clarifai from 'clarifai';
import FaceRecognition from './components/FaceRecognition/FaceRecognition';

const app = new Clarifai.App({
  apiKey: process.env.REACT_APP_CLARIFAI_API_KEY,
});

class App extends Component {
  state = { input: '', imageUrl: '', box: {} };

  onButtonSubmit = () => {
    this.setState({ imageUrl: this.state.input });
    app.models
      .predict(Clarifai.FACE_DETECT_MODEL, this.state.input)
      .then((response) => this.setState({ box: response.outputs[0].data.regions[0].region_info.bounding_box }))
      .catch((err) => console.log(err));
  };

  render() {
    return <FaceRecognition box={this.state.box} imageUrl={this.state.imageUrl} />;
  }
}

export default App;
