from app import tag


def test_tags_a_train():
    concepts = tag("https://samples.clarifai.com/metro-north.jpg").outputs[0].data.concepts
    assert any(c.name == "train" for c in concepts)
