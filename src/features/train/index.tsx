// Placeholder until the train lab page lands.
export default function Page() {
  return <p>This lab is being built.</p>;
}
