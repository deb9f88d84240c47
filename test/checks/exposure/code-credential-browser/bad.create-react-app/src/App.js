import React, { Component } from 'react';
import FaceRecognition from './components/FaceRecognition';

const PAT = process.env.REACT_APP_CLARIFAI_PAT;
const USER_ID = 'clarifai';
const APP_ID = 'main';

class App extends Component {
  state = { input: '', box: {} };

  onButtonSubmit = () => {
    fetch('https://api.clarifai.com/v2/models/face-detection/outputs', {
      method: 'POST',
      headers: { Accept: 'application/json', Authorization: 'Key ' + PAT },
      body: JSON.stringify({ user_app_id: { user_id: USER_ID, app_id: APP_ID }, inputs: [{ data: { image: { url: this.state.input } } }] }),
    })
      .then((response) => response.json())
      .then((result) => this.setState({ box: result.outputs[0].data.regions[0].region_info.bounding_box }));
  };

  render() {
    return <FaceRecognition box={this.state.box} imageUrl={this.state.input} />;
  }
}

export default App;
