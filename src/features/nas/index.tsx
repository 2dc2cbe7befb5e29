// Placeholder until the nas lab page lands.
export default function Page() {
  return <p>This lab is being built.</p>;
}
