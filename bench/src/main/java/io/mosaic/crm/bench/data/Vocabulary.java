package io.mosaic.crm.bench.data;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/** Word lists and value shapes that make generated records look like a real CRM's. */
public final class Vocabulary {
    public static final String[] FIRST_NAMES = split("""
            Ada Alan Albert Alice Amelia Anna Anton Arthur Ava Barbara Ben Bernd Carla Carlos Charlotte Chen Chloe Claire
            Daniel David Diego Dmitri Elena Elias Emil Emily Emma Erik Eva Fatima Felix Finn Florian Grace Hana Hannah Hans
            Harper Hugo Ines Isabel Ivan Jack Jakob James Jan Jana Jonas Jose Julia Julian Kai Karl Kate Laura Lea Leo Lena
            Liam Lina Lucas Luis Luka Maja Marco Maria Marie Mark Marta Mateo Max Mei Mia Michael Mila Nina Noah Nora Olga
            Oliver Omar Oscar Paul Paula Pedro Peter Priya Rafael Rahul Rosa Ruth Sam Sara Sofia Sophie Stefan Tom Uma
            Valentina Victor Wei Yara Yusuf Zoe""");
    public static final String[] LAST_NAMES = split("""
            Adams Alvarez Anderson Bauer Becker Bianchi Brown Campbell Carter Castillo Chen Clark Costa Cruz Davis Diaz
            Dubois Edwards Evans Fischer Fernandez Fontaine Garcia Gomez Gonzalez Gray Green Hall Hansen Harris Hernandez
            Hill Hoffmann Hughes Jackson Jensen Johnson Jones Kaiser Kim King Klein Koch Kowalski Kumar Lambert Larsen Lee
            Lewis Lopez Martin Martinez Meyer Miller Mitchell Moore Morales Moreau Morris Muller Murphy Nakamura Nelson
            Nguyen Nielsen Novak Olsen Ortiz Parker Patel Perez Peterson Petrov Phillips Ramos Reyes Richter Rivera Roberts
            Robinson Rodriguez Rossi Russo Sanchez Santos Schmidt Schneider Schulz Scott Silva Smith Sorensen Suzuki Tanaka
            Taylor Thomas Thompson Torres Turner Wagner Walker Wang Watson Weber White Williams Wilson Wolf Wong Wright
            Young Zhang Zimmermann""");
    public static final String[] COMPANY_WORDS = split("""
            Acme Alpine Apex Arctic Atlas Aurora Beacon Blue Bright Cedar Cobalt Comet Copper Crest Delta Eagle Echo Ember
            Falcon Fjord Forge Granite Harbor Helix Horizon Iron Jade Juniper Keystone Lumen Maple Meridian Nimbus Nova
            Oak Orbit Pacific Peak Pine Pioneer Polar Prism Quantum Quartz Redwood Ridge River Sage Sierra Silver Solar
            Spruce Summit Terra Tidal Titan Union Vector Vertex Willow Zenith""");
    public static final String[] COMPANY_KINDS = split("""
            Analytics Bank Biotech Brewing Capital Chemicals Consulting Dynamics Energy Foods Freight Games Health
            Industries Insurance Labs Logistics Media Medical Motors Networks Pharma Retail Robotics Software Systems
            Telecom Textiles Travel""");
    public static final String[] SUFFIXES = split("Inc Ltd GmbH AG SA BV Oy AB LLC Co");
    public static final String[] INDUSTRIES = split("""
            Agriculture Automotive Banking Chemicals Construction Consulting Education Energy Entertainment Food Government
            Healthcare Hospitality Insurance Logistics Manufacturing Media Pharmaceuticals Retail Software Telecommunications""");
    public static final String[] COUNTRIES = split("DE US GB FR NL SE ES IT PL CH AT DK FI NO BE IE PT CZ JP CA");
    public static final String[] CITIES = split("""
            Berlin Hamburg Munich Cologne Boston Austin Denver Seattle London Leeds Paris Lyon Amsterdam Utrecht Stockholm
            Madrid Milan Warsaw Zurich Vienna Copenhagen Helsinki Oslo Brussels Dublin Lisbon Prague Tokyo Toronto""");
    public static final String[] TITLES = split("CEO CFO CTO COO Buyer Engineer Manager Director Analyst Consultant Architect Assistant");
    public static final String[] DOMAINS = split("example.com example.org example.net mail.example corp.example");

    /** All generated timestamps lie in the three years before this instant, so runs are identical. */
    static final LocalDateTime EPOCH = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static final long THREE_YEARS_SECONDS = 3L * 365 * 24 * 3600;

    private Vocabulary() {
    }

    /** A row's own random stream: independent of every other row, the same for the same seed and row. */
    static SplittableRandom randomFor(long seed, long row) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row);
    }

    static String pick(SplittableRandom r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    /** Skewed pick: low indexes are much more frequent, as names are in real data. */
    static String pickSkewed(SplittableRandom r, String[] words) {
        double u = r.nextDouble();
        return words[(int) (u * u * words.length)];
    }

    static LocalDateTime timestamp(SplittableRandom r) {
        return EPOCH.minusSeconds(r.nextLong(THREE_YEARS_SECONDS)).withNano(r.nextInt(1000) * 1_000_000);
    }

    static long epochMillis(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static String slug(String s) {
        return s.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static String phone(SplittableRandom r) {
        return "+49 30 " + (1_000_000 + r.nextInt(9_000_000));
    }

    private static String[] split(String words) {
        return words.trim().split("\\s+");
    }
}
