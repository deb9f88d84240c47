import { grpc } from '@improbable-eng/grpc-web';
import { V2ClientImpl, GrpcWebImpl, PostModelOutputsRequest } from './generated/clarifai/api/service';

const rpc = new GrpcWebImpl('https://api.clarifai.com', {});
const client = new V2ClientImpl(rpc);

export async function countFaces(url: string, pat: string): Promise<number> {
  const request = PostModelOutputsRequest.fromPartial({
    modelId: 'face-detection',
    inputs: [{ data: { image: { url } } }],
  });
  const metadata = new grpc.Metadata({ authorization: `Key ${pat}` });
  const response = await client.PostModelOutputs(request, metadata);
  return response.outputs[0]?.data?.regions.length ?? 0;
}
