/**
 * The Devices lab (#/devices): the NXP target catalog with sources, the MLPerf Tiny reference
 * models estimated on every target next to published measurements, an upload to estimate your own
 * model, and the guide to the cost model.
 */
import { CatalogTable } from './CatalogTable';
import { OtherReferences, ReferenceTable } from './ReferenceTable';
import { UploadModel } from './UploadModel';
import './devices.css';

export default function DevicesPage() {
  return (
    <div className="devices-page">
      <p className="lead">
        Where a model runs: eight NXP parts, from a 150 MHz Cortex-M33 with 512 KB of RAM to Linux processors with NPUs. The device panel
        on every page uses the cost model below; this page shows its inputs and how close it comes to published measurements.
      </p>
      <section aria-labelledby="dv-catalog">
        <h2 id="dv-catalog">Targets</h2>
        <CatalogTable />
      </section>
      <section aria-labelledby="dv-reference">
        <h2 id="dv-reference">MLPerf Tiny: estimate vs measurement</h2>
        <ReferenceTable />
        <OtherReferences />
      </section>
      <UploadModel />
    </div>
  );
}
