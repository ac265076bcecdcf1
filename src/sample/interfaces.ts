import type { ComputerProfile } from './computer-profiles';
import { Stream } from './plan';
import type { FleetPlan } from './plan';
import { Random } from './random';

export interface NetworkInterface {
  ID: number;
  name: string;
  displayName: string;
  MACs: string[];
  IPs: string[];
  detected: boolean;
  DHCP: boolean;
}

/** A computer record's `interfaces`. */
export interface Interfaces {
  interfaces: NetworkInterface[];
}

const INTERFACE_IDS_PER_COMPUTER = 3;

function macAddress(random: Random, prefix: readonly string[]): string {
  return [...prefix, ...Array.from({ length: 6 - prefix.length }, () => random.hex(2))].join(':');
}

function linkLocalAddress(random: Random): string {
  return `fe80::${Array.from({ length: 4 }, () => random.hex(4).replace(/^0+(?=.)/, '')).join(':')}/64`;
}

function interfaceName(profile: ComputerProfile, position: number): [name: string, displayName: string] {
  const windows = profile.family === 'windows';
  if (profile.ec2) {
    return windows ? [position === 0 ? 'Ethernet' : `Ethernet ${position + 1}`, 'Amazon Elastic Network Adapter'] : [`eth${position}`, `eth${position}`];
  }
  if (windows) return [`Ethernet${position}`, 'vmxnet3 Ethernet Adapter'];
  const name = ['ens192', 'ens224', 'ens256'][position];
  return [name, name];
}

function interfaceId(profile: ComputerProfile, position: number): number {
  return 1 + profile.index * INTERFACE_IDS_PER_COMPUTER + position;
}

function networkInterface(profile: ComputerProfile, position: number, random: Random): NetworkInterface {
  const cloud = profile.ec2 !== null;
  const [name, displayName] = interfaceName(profile, position);
  const address =
    position === 0 ? profile.lastIPUsed : cloud ? `10.${random.int(0, 2)}.${random.int(0, 255)}.${random.int(4, 254)}` : `172.16.${random.int(0, 15)}.${random.int(4, 254)}`;
  return {
    ID: interfaceId(profile, position),
    name,
    displayName,
    MACs: [macAddress(random, cloud ? [random.pick(['02', '06', '0a', '0e'])] : ['00', '50', '56'])],
    IPs: [`${address}/${cloud ? 20 : 24}`, linkLocalAddress(random)],
    detected: true,
    DHCP: cloud,
  };
}

function dockerBridge(profile: ComputerProfile, position: number, random: Random): NetworkInterface {
  return { ID: interfaceId(profile, position), name: 'docker0', displayName: 'docker0', MACs: [macAddress(random, ['02', '42'])], IPs: ['172.17.0.1/16'], detected: true, DHCP: false };
}

/**
 * The one to three network interfaces of a computer, the same in every run: the first carries `lastIPUsed`; a container
 * host's last is its Docker bridge.
 */
export function computerInterfaces(plan: FleetPlan, profile: ComputerProfile): Interfaces {
  const random = new Random(plan.seed, Stream.interfaces, profile.index);
  const container = profile.role === 'container';
  const count = random.weighted(container ? ([[2, 70], [3, 30]] as const) : ([[1, 65], [2, 25], [3, 10]] as const));
  const interfaces = Array.from({ length: count }, (_, position) =>
    container && position === count - 1 ? dockerBridge(profile, position, random) : networkInterface(profile, position, random),
  );
  return { interfaces };
}
