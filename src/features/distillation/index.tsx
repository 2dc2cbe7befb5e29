// Placeholder until the distillation lab page lands.
export default function Page() {
  return <p>This lab is being built.</p>;
}
