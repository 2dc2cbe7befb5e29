// Placeholder until the quantization lab page lands.
export default function Page() {
  return <p>This lab is being built.</p>;
}
