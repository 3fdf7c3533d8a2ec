"""What the API shows and takes. Reading serializers only read what the views' querysets prefetched; writing
serializers only check the shape of the input — the services decide the rest (and say so as field errors).

One module per resource, as `views/`; the shared fields (a figure read the Indonesian way, a year) in `fields`,
the list filters in `filters`."""
