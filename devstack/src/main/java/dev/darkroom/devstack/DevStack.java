package dev.darkroom.devstack;

public final class DevStack {
    public static void main(String[] args) {}
}
