/**
 * The Devices lab (#/devices): the NXP target catalog with sources, the MLPerf Tiny reference
 * models estimated on every target next to published measurements, an upload to estimate your own
 * model, and the Validation table of held-out measurements.
 */
import { CatalogTable } from './CatalogTable';
import { ReferenceTable } from './ReferenceTable';
import { ValidationTable } from './ValidationTable';
import { UploadModel } from './UploadModel';
import './devices.css';

export default function DevicesPage() {
  return (
    <div className="devices-page">
      <p className="lead">
        Where a model runs: eight NXP parts, from a 150 MHz Cortex-M33 with 512 KB of RAM to Linux processors with NPUs. The device panel
        on every page uses the cost model below; this page shows its inputs, the measurements it was fitted to, and the published
        measurements it never saw (Validation).
      </p>
      <section aria-labelledby="dv-catalog">
        <h2 id="dv-catalog">Targets</h2>
        <CatalogTable />
      </section>
      <section aria-labelledby="dv-reference">
        <h2 id="dv-reference">MLPerf Tiny: estimate vs measurement</h2>
        <ReferenceTable />
      </section>
      <section aria-labelledby="dv-validation">
        <h2 id="dv-validation">Validation</h2>
        <ValidationTable />
      </section>
      <UploadModel />
    </div>
  );
}
