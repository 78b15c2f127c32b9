package com.partnersportal.webhooks;

import com.partnersportal.testsupport.PackageStructureContract;

class PackageStructureTest extends PackageStructureContract {
}
