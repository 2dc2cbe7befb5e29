/** Why run AI at the edge: each benefit tied to a device a student carries or rides in. */
export interface Benefit {
  title: string;
  why: string;
  example: string;
  device: 'car' | 'phone' | 'watch' | 'factory' | 'home';
}

export const BENEFITS: Benefit[] = [
  {
    title: 'Real-time decisions',
    why: 'No network round trip: the answer arrives within the sensor period.',
    example: 'A car brakes for a pedestrian from its own camera; 100 ms of LTE round trip is 2.8 m at 100 km/h.',
    device: 'car',
  },
  {
    title: 'Energy efficiency',
    why: 'Sending raw data costs more energy than computing on it (see the calculator below).',
    example: 'A watch counts steps and sleep from its accelerometer for days on one charge instead of streaming to the phone.',
    device: 'watch',
  },
  {
    title: 'Data privacy',
    why: 'Raw images, voice and health data never leave the device.',
    example: 'A phone unlocks with your face; the face model and the images stay in its secure enclave.',
    device: 'phone',
  },
  {
    title: 'Cost',
    why: 'No cloud compute bill, no data plan per device: a few dollars of silicon, once.',
    example: 'A vibration sensor on a motor flags anomalies on a $6 MCU instead of uploading 1 GB a day over LTE.',
    device: 'factory',
  },
  {
    title: 'Scalability',
    why: 'Each new device brings its own compute; the server does not grow with the fleet.',
    example: 'Millions of phones run autocorrect and next-word prediction on their own keyboards.',
    device: 'phone',
  },
  {
    title: 'Works without connectivity',
    why: 'Limited or no network (a tunnel, a field, a ship) does not stop the decision.',
    example: 'A car keeps recognising road signs in a tunnel; a LoRa field sensor sends one byte-sized verdict, not the raw signal.',
    device: 'car',
  },
  {
    title: 'Human-like interaction',
    why: 'Wake words, gestures and speech need answers within a fraction of a second.',
    example: 'A smart speaker or a watch assistant wakes on its keyword locally, before anything is sent.',
    device: 'home',
  },
  {
    title: 'Contextual understanding',
    why: 'The device fuses its own sensors continuously, at their full rate.',
    example: 'A watch combines heart rate, ECG, SpO2 and motion to detect a fall or an irregular rhythm.',
    device: 'watch',
  },
  {
    title: 'Data-driven decisions',
    why: 'Only the results travel: dashboards get events, not terabytes.',
    example: 'A phone camera picks the scene mode, sharpens and denoises every photo on its own NPU.',
    device: 'phone',
  },
];
